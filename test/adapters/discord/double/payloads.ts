/**
 * Gateway and REST payloads shaped like Discord's (API v10), as discord.js 14.28 needs them.
 * Only the fields discord.js reads are filled in.
 */

const DISCORD_EPOCH = 1_420_070_400_000n;
let sequence = 0n;

/** A fresh snowflake. With `shard`, one that Discord's formula `(id >> 22) % total` routes there. */
export function snowflake(shard?: { id: number; total: number }): string {
  sequence += 1n;
  let timestamp = BigInt(Date.now()) - DISCORD_EPOCH + sequence;
  if (shard) {
    const total = BigInt(shard.total);
    timestamp += (BigInt(shard.id) - (timestamp % total) + total) % total;
  }
  return String((timestamp << 22n) | (sequence & 0xfffn));
}

/** Which shard of `total` receives a guild's events. */
export function shardOf(guildId: string, total: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(total));
}

export interface UserPayload {
  id: string;
  username: string;
  discriminator: string;
  global_name: string | null;
  avatar: null;
  bot?: boolean;
}

export function userPayload(
  username: string,
  options: { id?: string; bot?: boolean } = {},
): UserPayload {
  return {
    id: options.id ?? snowflake(),
    username,
    discriminator: '0',
    global_name: username,
    avatar: null,
    ...(options.bot ? { bot: true } : {}),
  };
}

/** A guild the double serves, with one text channel. */
export interface DoubleGuild {
  id: string;
  name: string;
  channelId: string;
}

export function guildCreatePayload(guild: DoubleGuild, bot: UserPayload) {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    owner_id: bot.id,
    unavailable: false,
    large: false,
    member_count: 2,
    joined_at: new Date().toISOString(),
    features: [],
    roles: [
      {
        id: guild.id,
        name: '@everyone',
        permissions: '0',
        position: 0,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    emojis: [],
    stickers: [],
    channels: [
      {
        id: guild.channelId,
        type: 0,
        name: 'general',
        position: 0,
        permission_overwrites: [],
        guild_id: guild.id,
      },
    ],
    threads: [],
    members: [],
    voice_states: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    premium_tier: 0,
    preferred_locale: 'en-US',
  };
}

/** What a test says about a message it sends through the gateway. */
export interface MessageSpec {
  author: UserPayload;
  content: string;
  channelId: string;
  guildId?: string;
  /** Users mentioned directly; Discord fills this in, it is not parsed from the content. */
  mentions?: UserPayload[];
  mentionEveryone?: boolean;
  mentionRoles?: string[];
  id?: string;
  flags?: number;
  embeds?: unknown[];
  components?: unknown[];
}

export function messagePayload(spec: MessageSpec) {
  return {
    id: spec.id ?? snowflake(),
    type: 0,
    channel_id: spec.channelId,
    ...(spec.guildId ? { guild_id: spec.guildId } : {}),
    author: spec.author,
    content: spec.content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: spec.mentionEveryone ?? false,
    mentions: spec.mentions ?? [],
    mention_roles: spec.mentionRoles ?? [],
    attachments: [],
    embeds: spec.embeds ?? [],
    components: spec.components ?? [],
    pinned: false,
    flags: spec.flags ?? 0,
  };
}

/** What a test says about an interaction: a slash command, its autocomplete, or a button click. */
export interface InteractionSpec {
  applicationId: string;
  user: UserPayload;
  channelId: string;
  guildId?: string;
  command?: {
    name: string;
    options: { name: string; type: number; value: string | number | boolean; focused?: boolean }[];
    /** Sent while the user is still typing the focused option (interaction type 4). */
    autocomplete?: boolean;
  };
  button?: { customId: string; message: ReturnType<typeof messagePayload> };
}

export function interactionPayload(spec: InteractionSpec) {
  const inGuild = spec.guildId !== undefined;
  const data = spec.command
    ? { id: snowflake(), name: spec.command.name, type: 1, options: spec.command.options }
    : { custom_id: spec.button?.customId, component_type: 2 };
  return {
    id: snowflake(),
    application_id: spec.applicationId,
    type: spec.command ? (spec.command.autocomplete ? 4 : 2) : 3,
    data,
    ...(spec.button ? { message: spec.button.message } : {}),
    channel_id: spec.channelId,
    channel: inGuild
      ? { id: spec.channelId, type: 0, guild_id: spec.guildId }
      : { id: spec.channelId, type: 1, recipients: [spec.user] },
    ...(inGuild
      ? {
          guild_id: spec.guildId,
          member: {
            user: spec.user,
            roles: [],
            permissions: '2248473465835073',
            joined_at: new Date().toISOString(),
            deaf: false,
            mute: false,
            flags: 0,
          },
        }
      : { user: spec.user }),
    token: `token-${snowflake()}`,
    version: 1,
    app_permissions: '2248473465835073',
    locale: 'en-US',
    ...(inGuild ? { guild_locale: 'en-US' } : {}),
    entitlements: [],
    authorizing_integration_owners: inGuild ? { '0': spec.guildId } : { '1': spec.user.id },
    context: inGuild ? 0 : 1,
    attachment_size_limit: 10_485_760,
  };
}
