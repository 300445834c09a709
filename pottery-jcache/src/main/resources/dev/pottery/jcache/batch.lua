-- A JCache batch (getAll, putAll, removeAll(keys), loadAll, contains) on one cache, atomic, one round trip.
--
-- KEYS[1] data hash, KEYS[2] expiry zset, KEYS[3] subscribers hash (as in entry.lua)
-- ARGV[1] operation: 'get', 'put', 'putIfAbsent', 'remove' or 'contains'
-- then four arguments per entry: encoded key, encoded value ('' if none), first ms, second ms
--   get: first = access ms;  put/putIfAbsent: first = creation ms, second = update ms
--   (ms as in entry.lua: -1 never, -2 unchanged, -3 ask the client)
-- and last: the event channel and the caller's id
--
-- If any entry needs a duration the client did not know, the reply is {'ask', i, kind, i, kind, ...}
-- (1-based entry numbers) and nothing has changed. Otherwise the reply holds three items per entry:
-- outcome, value (read or replaced, or false), expired value found and deleted (or false).
local data, exp = KEYS[1], KEYS[2]
local op = ARGV[1]
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local count = (#ARGV - 3) / 4
-- Changes are published once each to listeners in other processes (see entry.lua).
local listening = redis.call('EXISTS', KEYS[3]) == 1
local function field(s)
  if not s then return '-1:' end
  return #s .. ':' .. s
end
local function publish(kind, k, v, old)
  if listening then
    redis.call('PUBLISH', ARGV[#ARGV - 1], field(ARGV[#ARGV]) .. field(kind) .. field(k) .. field(v) .. field(old))
  end
end


local currents, expireds = {}, {}
for i = 1, count do
  local key = ARGV[4 * i - 2]
  local current = redis.call('HGET', data, key)
  local expired = false
  if current then
    local at = redis.call('ZSCORE', exp, key)
    if at and tonumber(at) <= now then
      expired = current
      current = false
    end
  end
  currents[i], expireds[i] = current, expired
end

local asks = {}
for i = 1, count do
  local first, second = tonumber(ARGV[4 * i]), tonumber(ARGV[4 * i + 1])
  local current = currents[i]
  if op == 'get' and current and first == -3 then
    asks[#asks + 1] = i; asks[#asks + 1] = 'access'
  elseif (op == 'put' or op == 'putIfAbsent') and not current and first == -3 then
    asks[#asks + 1] = i; asks[#asks + 1] = 'create'
  elseif op == 'put' and current and second == -3 then
    asks[#asks + 1] = i; asks[#asks + 1] = 'update'
  end
end
if #asks > 0 then
  table.insert(asks, 1, 'ask')
  return asks
end

local function expireIn(key, ms)
  if ms == -2 then return end
  if ms < 0 then
    redis.call('ZREM', exp, key)
  else
    redis.call('ZADD', exp, now + ms, key)
  end
end

local reply = {}
for i = 1, count do
  local key, value = ARGV[4 * i - 2], ARGV[4 * i - 1]
  local first, second = tonumber(ARGV[4 * i]), tonumber(ARGV[4 * i + 1])
  local current, expired = currents[i], expireds[i]
  if expired then
    redis.call('HDEL', data, key)
    redis.call('ZREM', exp, key)
    publish('expired', key, expired, expired)
  end
  local outcome, result = 'miss', false
  if op == 'get' then
    if current then
      expireIn(key, first)
      outcome, result = 'hit', current
    end
  elseif op == 'contains' then
    if current then outcome = 'hit' end
  elseif op == 'remove' then
    if current then
      redis.call('HDEL', data, key)
      redis.call('ZREM', exp, key)
      outcome, result = 'removed', current
    end
  elseif current and op == 'putIfAbsent' then
    outcome, result = 'present', current
  elseif current then
    redis.call('HSET', data, key, value)
    expireIn(key, second)
    outcome, result = 'updated', current
  elseif first == 0 then
    outcome = 'none'
  else
    redis.call('HSET', data, key, value)
    expireIn(key, first)
    outcome = 'created'
  end
  if outcome == 'created' then publish('created', key, value, false)
  elseif outcome == 'updated' then publish('updated', key, value, result)
  elseif outcome == 'removed' then publish('removed', key, result, result) end
  reply[#reply + 1] = outcome
  reply[#reply + 1] = result
  reply[#reply + 1] = expired
end
return reply
