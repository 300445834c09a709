-- A JCache batch (getAll, putAll, removeAll(keys), loadAll, contains) on one cache, atomic, one round trip.
--
-- KEYS[1] data hash, KEYS[2] expiry zset, KEYS[3] subscribers hash, KEYS[4] fencing counter (as in entry.lua)
-- KEYS[4 + i] the lease of entry i, present only when ARGV[2] (the lease mode) is not ''
-- ARGV[1] operation: 'get', 'contains', 'put', 'putIfAbsent', 'remove', 'lease' or 'release'
-- ARGV[2] lease: ''                  none
--                'acquire-if-absent' (get, contains) take the lease of each absent entry that nobody holds; an
--                                    absent entry whose lease another holds is reported 'leased'
--                'acquire'           (lease) take every entry's lease, or none if any is held
--                'break'             (put, remove) act without a lease, then break any lease on each entry (as
--                                    in entry.lua: a load working under it cannot store what it read before)
--                '<token>'           the caller holds these leases with this token: an entry whose lease
--                                    it no longer holds is reported 'lost' and left alone; the others are
--                                    acted on and their leases released
-- ARGV[3] lease time in ms
-- then four arguments per entry: encoded key, encoded value ('' if none), first ms, second ms
--   get: first = access ms;  put/putIfAbsent: first = creation ms, second = update ms
--   (ms as in entry.lua: -1 never, -2 unchanged, -3 ask the client)
-- and last: the event channel and the caller's id
--
-- If any entry needs a duration the client did not know, the reply is {'ask', i, kind, i, kind, ...}
-- (1-based entry numbers) and nothing has changed. 'lease' replies {'acquired', token} or {'leased'}.
-- Otherwise the reply holds four items per entry: outcome, value (read or replaced, or false), expired
-- value found and deleted (or false), and the token of a lease taken for it (or false).
local data, exp = KEYS[1], KEYS[2]
local op, lease, leaseMs = ARGV[1], ARGV[2], ARGV[3]
local count = (#ARGV - 5) / 4
local held = lease ~= '' and lease ~= 'acquire' and lease ~= 'acquire-if-absent' and lease ~= 'break'
local function leaseOf(i) return KEYS[4 + i] end
local function keyOf(i) return ARGV[4 * i] end

if op == 'lease' then
  for i = 1, count do
    if redis.call('EXISTS', leaseOf(i)) == 1 then return {'leased'} end
  end
  local token = redis.call('INCR', KEYS[4])
  for i = 1, count do redis.call('SET', leaseOf(i), string.format('%d', token), 'PX', leaseMs) end
  return {'acquired', token}
elseif op == 'release' then
  for i = 1, count do
    local holder = redis.call('GET', leaseOf(i))
    if holder == lease or holder == 'broken:' .. lease then redis.call('DEL', leaseOf(i)) end
  end
  return {}
end

local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
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

-- Every entry is read with one HMGET and one ZMSCORE (Redis 6.2 or later), not two calls per key.
local currents, expireds, lost = {}, {}, {}
local names = {}
for i = 1, count do names[i] = keyOf(i) end
local values = count > 0 and redis.call('HMGET', data, unpack(names)) or {}
local scores = count > 0 and redis.call('ZMSCORE', exp, unpack(names)) or {}
for i = 1, count do
  local current, expired = values[i], false
  if current and scores[i] and tonumber(scores[i]) <= now then
    expired = current
    current = false
  end
  currents[i], expireds[i] = current, expired
  if held then
    local holder = redis.call('GET', leaseOf(i))
    lost[i] = holder ~= lease
    -- a write broke it: the refusal ends it
    if holder == 'broken:' .. lease then redis.call('DEL', leaseOf(i)) end
  end
end

local asks = {}
for i = 1, count do
  local first, second = tonumber(ARGV[4 * i + 2]), tonumber(ARGV[4 * i + 3])
  local current = currents[i]
  if lost[i] then
    -- left alone: no duration needed
  elseif op == 'get' and current and first == -3 then
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

-- A write that does not take an entry's lease breaks it instead ('broken:' .. token, same expiry): its holder
-- still excludes other loaders until it is done, but its write-back is refused (and ends the lease).
local function breakLease(leaseKey)
  local holder = redis.call('GET', leaseKey)
  if holder and string.sub(holder, 1, 7) ~= 'broken:' then
    redis.call('SET', leaseKey, 'broken:' .. holder, 'KEEPTTL')
  end
end
local token = false
local reply = {}
for i = 1, count do
  local key, value = keyOf(i), ARGV[4 * i + 1]
  local first, second = tonumber(ARGV[4 * i + 2]), tonumber(ARGV[4 * i + 3])
  local current, expired = currents[i], expireds[i]
  local outcome, result, taken = 'miss', false, false
  if lost[i] then
    outcome, expired = 'lost', false
  else
    if expired then
      redis.call('HDEL', data, key)
      redis.call('ZREM', exp, key)
      publish('expired', key, expired, expired)
    end
    if op == 'get' or op == 'contains' then
      if current then
        if op == 'get' then expireIn(key, first) end
        outcome, result = 'hit', op == 'get' and current
      elseif lease == 'acquire-if-absent' then
        if redis.call('EXISTS', leaseOf(i)) == 1 then
          outcome = 'leased'
        else
          if not token then token = redis.call('INCR', KEYS[4]) end
          redis.call('SET', leaseOf(i), string.format('%d', token), 'PX', leaseMs)
          taken = token
        end
      end
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
    if held then
      redis.call('DEL', leaseOf(i))
    elseif lease == 'break' then
      breakLease(leaseOf(i))
    end
  end
  if outcome == 'created' then publish('created', key, value, false)
  elseif outcome == 'updated' then publish('updated', key, value, result)
  elseif outcome == 'removed' then publish('removed', key, result, result) end
  reply[#reply + 1] = outcome
  reply[#reply + 1] = result
  reply[#reply + 1] = expired
  reply[#reply + 1] = taken
end
return reply
