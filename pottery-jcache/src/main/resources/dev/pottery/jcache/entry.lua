-- One JCache entry operation, atomic on the server, in one round trip.
--
-- KEYS[1]  the cache's data hash    (field = encoded key, value = encoded value)
-- KEYS[2]  the cache's expiry zset  (member = encoded key, score = expiry time in ms of the server clock;
--                                    no member = never expires)
-- ARGV[1]  operation (see below)      ARGV[2] encoded key      ARGV[3] encoded new value ('' if none)
-- ARGV[4]  creation ms  ARGV[5] update ms  ARGV[6] access ms
--          each: >= 0 expire that long from now (0 = at once), -1 never, -2 leave as it is,
--          -3 not known yet: the client must ask its ExpiryPolicy, so reply {'ask', kind} and change nothing
--          (an access ask also carries {outcome, value}: if the policy leaves expiry unchanged, that read is
--          the whole answer and no second call is needed)
-- ARGV[7]  expected value (replaceIf, removeIf, touch, commit)
-- ARGV[8]  commit only: '1' if the entry was present when the entry processor read it, '0' if absent
-- ARGV[9]  commit only: what the processor did: 'set', 'remove', 'access' or 'none'
-- KEYS[3]  the cache's subscribers hash: present when a listener anywhere wants this cache's events
-- ARGV[10] the cache's event channel, ARGV[11] the calling cache instance's id (the event's origin)
--
-- Reply: {outcome, value, expired}: outcome says what happened (hit, miss, created, updated, removed,
-- present, mismatch, none, conflict), value is the value read or replaced (or false), expired the value of
-- an expired entry this call found and deleted (or false), so that the client can raise an EXPIRED event.
local data, exp = KEYS[1], KEYS[2]
local op, key, value = ARGV[1], ARGV[2], ARGV[3]
local createMs, updateMs, accessMs = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
-- The server clock and the subscribers check are read only when needed: a plain read of an entry that
-- never expires then costs HGET and ZSCORE alone.
local clockMs
local function now()
  if not clockMs then
    local clock = redis.call('TIME')
    clockMs = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
  end
  return clockMs
end

local current = redis.call('HGET', data, key)
local expired = false
if current then
  local at = redis.call('ZSCORE', exp, key)
  if at and tonumber(at) <= now() then
    expired = current
    current = false
  end
end

local function dropExpired()
  if expired then
    redis.call('HDEL', data, key)
    redis.call('ZREM', exp, key)
  end
end

local function expireIn(ms)
  if ms == -2 then return end
  if ms == -1 then
    redis.call('ZREM', exp, key)
  else
    redis.call('ZADD', exp, now() + ms, key)
  end
end

-- A new entry whose creation duration is zero is expired on arrival: it is never stored.
local function create()
  if createMs == 0 then
    dropExpired()
    return {'none', false, expired}
  end
  redis.call('HSET', data, key, value)
  if createMs < 0 then
    redis.call('ZREM', exp, key)
  else
    redis.call('ZADD', exp, now() + createMs, key)
  end
  return {'created', false, expired}
end

local function update()
  redis.call('HSET', data, key, value)
  expireIn(updateMs)
  return {'updated', current, false}
end

local function remove()
  redis.call('HDEL', data, key)
  redis.call('ZREM', exp, key)
  return {'removed', current, false}
end

local function miss()
  dropExpired()
  return {'miss', false, expired}
end

local function run()
  if op == 'get' then
    if not current then return miss() end
    if accessMs == -3 then return {'ask', 'access', 'hit', current} end
    expireIn(accessMs)
    return {'hit', current, false}
  elseif op == 'contains' then
    if not current then return miss() end
    return {'hit', false, false}
  elseif op == 'peek' then
    if not current then return miss() end
    return {'hit', current, false}
  elseif op == 'put' then
    if current then
      if updateMs == -3 then return {'ask', 'update'} end
      return update()
    end
    if createMs == -3 then return {'ask', 'create'} end
    return create()
  elseif op == 'putIfAbsent' then
    if current then return {'present', current, false} end
    if createMs == -3 then return {'ask', 'create'} end
    return create()
  elseif op == 'replace' then
    if not current then return miss() end
    if updateMs == -3 then return {'ask', 'update'} end
    return update()
  elseif op == 'replaceIf' then
    if not current then return miss() end
    if current == ARGV[7] then
      if updateMs == -3 then return {'ask', 'update'} end
      return update()
    end
    if accessMs == -3 then return {'ask', 'access', 'mismatch', current} end
    expireIn(accessMs)
    return {'mismatch', current, false}
  elseif op == 'remove' then
    if not current then return miss() end
    return remove()
  elseif op == 'removeIf' then
    if not current then return miss() end
    if current == ARGV[7] then return remove() end
    if accessMs == -3 then return {'ask', 'access', 'mismatch', current} end
    expireIn(accessMs)
    return {'mismatch', current, false}
  elseif op == 'touch' then
    if current and current == ARGV[7] then
      expireIn(accessMs)
      return {'hit', false, false}
    end
    return miss()
  elseif op == 'commit' then
    if ARGV[8] == '1' then
      if not current or current ~= ARGV[7] then return {'conflict', false, false} end
    elseif current then
      return {'conflict', false, false}
    end
    local action = ARGV[9]
    if action == 'set' then
      if current then
        if updateMs == -3 then return {'ask', 'update'} end
        return update()
      end
      if createMs == -3 then return {'ask', 'create'} end
      return create()
    elseif action == 'remove' then
      if not current then return miss() end
      return remove()
    elseif action == 'access' then
      if not current then return miss() end
      if accessMs == -3 then return {'ask', 'access', 'hit', current} end
      expireIn(accessMs)
      return {'hit', current, false}
    end
    if not current then return miss() end
    return {'hit', current, false}
  end
  return redis.error_reply('unknown JCache entry operation ' .. tostring(op))
end

-- Every change is published once, by the script that made it, to listeners in other processes.
local function field(s)
  if not s then return '-1:' end
  return #s .. ':' .. s
end
local function publish(kind, k, v, old)
  redis.call('PUBLISH', ARGV[10], field(ARGV[11]) .. field(kind) .. field(k) .. field(v) .. field(old))
end

local reply = run()
local outcome = reply[1]
local reportable = outcome ~= 'ask' and outcome ~= 'conflict'
  and (reply[3] or outcome == 'created' or outcome == 'updated' or outcome == 'removed')
if reportable and redis.call('EXISTS', KEYS[3]) == 1 then
  if reply[3] then publish('expired', key, reply[3], reply[3]) end
  if outcome == 'created' then publish('created', key, value, false)
  elseif outcome == 'updated' then publish('updated', key, value, reply[2])
  elseif outcome == 'removed' then publish('removed', key, reply[2], reply[2]) end
end
return reply
