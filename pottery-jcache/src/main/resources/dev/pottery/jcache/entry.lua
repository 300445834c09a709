-- One JCache entry operation, atomic on the server, in one round trip.
--
-- KEYS[1]  the cache's data hash    (field = encoded key, value = encoded value)
-- KEYS[2]  the cache's expiry zset  (member = encoded key, score = expiry time in ms of the server clock;
--                                    no member = never expires)
-- KEYS[3]  the cache's subscribers hash: present while a listener or near cache anywhere wants its changes
-- KEYS[4]  the entry's lease (a string holding the fencing token of the process that holds it)
-- KEYS[5]  the cache's fencing counter (INCR gives every lease a larger token than any before it)
--
-- ARGV[1]  action (see run() below)   ARGV[2] encoded key   ARGV[3] encoded new value ('' if none)
-- ARGV[4]  creation ms  ARGV[5] update ms  ARGV[6] access ms
--          each: >= 0 expire that long from now (0 = at once), -1 never, -2 leave as it is,
--          -3 not known yet: the client must ask its ExpiryPolicy, so reply {'ask', kind} and change nothing
--          (an access ask also carries {outcome, value}: if the policy leaves expiry unchanged, that read is
--          the whole answer and no second call is needed)
-- ARGV[7]  expected: the value the entry must hold ('value' checks), for replaceIf, removeIf and the
--          state checks of setIf/removeIfState/touchIf
-- ARGV[8]  for setIf/removeIfState/touchIf: '1' the entry must hold ARGV[7], '0' it must be absent
-- ARGV[9]  lease: ''                  none
--                 'acquire'           take the entry's lease before acting; if another holds it, reply
--                                     {'leased'} and change nothing
--                 'acquire-if-absent' (get, peek) take the lease only when the entry is absent
--                 'once'              act only if nobody holds the lease (else reply {'leased'}), keep none
--                 'break'             act without a lease, then break any lease on the entry, so that a load or
--                                     processor working under it cannot store what it read before this call
--                                     (the lease then holds 'broken:<token>' until its holder's refused
--                                     write-back or release ends it, or it expires)
--                 '<token>'           the caller holds the lease with this token: if it does not any more,
--                                     reply {'lost'} and change nothing; else act, then release it
-- ARGV[10] lease time in ms
-- ARGV[11] the cache's event channel, ARGV[12] the calling cache instance's id (the event's origin)
-- ARGV[13] '1' if a read also wants the entry's remaining life (for a near cache), else '0'
--
-- Reply: {outcome, value, expired, token}: outcome says what happened (hit, miss, created, updated,
-- removed, present, mismatch, none, conflict, leased, lost), value the value read or replaced (or false),
-- expired the value of an expired entry this call found and deleted (or false), so that the client can
-- raise an EXPIRED event, and token the fencing token of a lease this call took (or false). A read that asked
-- for it (ARGV[13]) gets a fifth item: the entry's remaining life in ms, or -1 if it never expires.
local data, exp, leaseKey = KEYS[1], KEYS[2], KEYS[4]
local op, key, value = ARGV[1], ARGV[2], ARGV[3]
local createMs, updateMs, accessMs = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
local lease, leaseMs = ARGV[9], ARGV[10]

-- A held lease is checked before anything else: a caller whose lease expired (and may have been taken by
-- another process since) must not change the entry.
local held = lease ~= '' and lease ~= 'acquire' and lease ~= 'acquire-if-absent' and lease ~= 'once'
  and lease ~= 'break'
if held then
  local holder = redis.call('GET', leaseKey)
  if holder ~= lease then
    -- a write broke it: the refusal ends it
    if holder == 'broken:' .. lease then redis.call('DEL', leaseKey) end
    return {'lost', false, false, false}
  end
end
if lease == 'once' and redis.call('EXISTS', leaseKey) == 1 then return {'leased', false, false, false} end

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

local token = false
local function acquire()
  if redis.call('EXISTS', leaseKey) == 1 then return false end
  token = redis.call('INCR', KEYS[5])
  -- tokens as plain decimal text (a Lua number would print as 1e+14 past 14 digits)
  redis.call('SET', leaseKey, string.format('%d', token), 'PX', leaseMs)
  return true
end
if lease == 'acquire' or (lease == 'acquire-if-absent' and not current) then
  if not acquire() then return {'leased', false, false, false} end
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

local function write()
  if current then
    if updateMs == -3 then return {'ask', 'update'} end
    return update()
  end
  if createMs == -3 then return {'ask', 'create'} end
  return create()
end

local function access(outcome)
  if accessMs == -3 then return {'ask', 'access', outcome, current} end
  expireIn(accessMs)
  return {outcome, current, false}
end

-- Whether the entry is in the state the caller read it in (setIf, removeIfState, touchIf).
-- An entry that expired since it was read counts as unchanged: its write-back then creates it anew.
local function unchanged()
  if ARGV[8] == '1' then return current == ARGV[7] or expired == ARGV[7] end
  return not current
end

local function run()
  if op == 'get' then
    if not current then return miss() end
    return access('hit')
  elseif op == 'contains' then
    if not current then return miss() end
    return {'hit', false, false}
  elseif op == 'peek' then
    if not current then return miss() end
    return {'hit', current, false}
  elseif op == 'put' then
    return write()
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
    return access('mismatch')
  elseif op == 'remove' then
    if not current then return miss() end
    return remove()
  elseif op == 'removeIf' then
    if not current then return miss() end
    if current == ARGV[7] then return remove() end
    return access('mismatch')
  elseif op == 'setIf' then
    if not unchanged() then return {'conflict', false, false} end
    return write()
  elseif op == 'removeIfState' then
    if not unchanged() then return {'conflict', false, false} end
    if not current then return miss() end
    return remove()
  elseif op == 'touchIf' then
    if not unchanged() then return {'conflict', false, false} end
    if not current then return miss() end
    return access('hit')
  elseif op == 'release' then
    return {'none', false, false}
  end
  return redis.error_reply('unknown JCache entry operation ' .. tostring(op))
end

-- Every change is published once, by the script that made it, to listeners in other processes.
local function field(s)
  if not s then return '-1:' end
  return #s .. ':' .. s
end
local function publish(kind, k, v, old)
  redis.call('PUBLISH', ARGV[11], field(ARGV[12]) .. field(kind) .. field(k) .. field(v) .. field(old))
end

local reply = run()
local outcome = reply[1]
if outcome == 'ask' then
  -- Nothing changed; a lease this call took is given back, and the client calls again with the duration.
  if token then redis.call('DEL', leaseKey) end
  return reply
end
local reportable = outcome ~= 'conflict'
  and (reply[3] or outcome == 'created' or outcome == 'updated' or outcome == 'removed')
if reportable and redis.call('EXISTS', KEYS[3]) == 1 then
  if reply[3] then publish('expired', key, reply[3], reply[3]) end
  if outcome == 'created' then publish('created', key, value, false)
  elseif outcome == 'updated' then publish('updated', key, value, reply[2])
  elseif outcome == 'removed' then publish('removed', key, reply[2], reply[2]) end
end
-- A held lease ends with the call that acts under it; a write that takes none breaks whoever's it is.
-- A write that does not take an entry's lease breaks it instead ('broken:' .. token, same expiry): its holder
-- still excludes other loaders until it is done, but its write-back is refused (and ends the lease).
local function breakLease(leaseKey)
  local holder = redis.call('GET', leaseKey)
  if holder and string.sub(holder, 1, 7) ~= 'broken:' then
    redis.call('SET', leaseKey, 'broken:' .. holder, 'KEEPTTL')
  end
end
if held then
  redis.call('DEL', leaseKey)
elseif lease == 'break' then
  breakLease(leaseKey)
end
if ARGV[13] == '1' and outcome == 'hit' then
  -- the life left after this read (an access duration may just have changed it)
  local at = redis.call('ZSCORE', exp, key)
  return {reply[1], reply[2], reply[3], token, at and (tonumber(at) - now()) or -1}
end
return {reply[1], reply[2], reply[3], token}
