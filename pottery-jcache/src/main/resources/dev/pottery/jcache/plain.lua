-- Writes to a JCache cache whose entries never expire (the standard eternal policy, the default) when no lease
-- is involved (no CacheWriter): put and remove of one entry, putAll and removeAll of many. While nobody
-- listens — no listener and no near cache in any process (the subscribers hash is absent) and none in the
-- calling one — the server does a single HSET or HDEL; otherwise each entry's old value is read so that its
-- change can be published for the listeners and near caches of other processes.
--
-- KEYS[1] data hash, KEYS[2] subscribers hash, then (put, remove) the lease of each entry: a write breaks
--         any lease on its entry (see entry.lua), so that a load or processor working under it (it took the
--         lease when it found the entry absent) cannot store what it read before this write
-- ARGV[1] 'put' or 'remove', or 'swap': the write-back of an entry processor on one present entry — put
--         ARGV[7] (or, if ARGV[7] is '', remove the entry) only if the entry still holds ARGV[6], else change
--         nothing and reply {'each', 'conflict', false}'
-- ARGV[2] '1' if the caller wants each entry's old value (it has listeners of its own), else '0'
-- ARGV[3] the cache's event channel, ARGV[4] the caller's id
-- then, per entry: the encoded key and (put) the encoded value
--
-- Reply, while nobody listens and no old value is wanted: {'count', n}, n the entries created (put) or
-- removed (remove). Otherwise {'each', outcome, old, outcome, old, ...}: per entry 'created', 'updated',
-- 'removed' or 'miss', and the old value (or false).
local op, wantOld, channel, origin = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local step = op == 'put' and 2 or 1
local listening = redis.call('EXISTS', KEYS[2]) == 1

local function field(s)
  if not s then return '-1:' end
  return #s .. ':' .. s
end
local function publish(kind, k, v, old)
  if listening then
    redis.call('PUBLISH', channel, field(origin) .. field(kind) .. field(k) .. field(v) .. field(old))
  end
end

if op == 'swap' then
  local key, expected, new = ARGV[5], ARGV[6], ARGV[7]
  local old = redis.call('HGET', KEYS[1], key)
  if old ~= expected then return {'each', 'conflict', false} end
  if new == '' then
    redis.call('HDEL', KEYS[1], key)
    publish('removed', key, old, old)
    return {'each', 'removed', old}
  end
  redis.call('HSET', KEYS[1], key, new)
  publish('updated', key, new, old)
  return {'each', 'updated', old}
end

-- A write that does not take an entry's lease breaks it instead ('broken:' .. token, same expiry): its holder
-- still excludes other loaders until it is done, but its write-back is refused (and ends the lease).
local function breakLease(leaseKey)
  local holder = redis.call('GET', leaseKey)
  if holder and string.sub(holder, 1, 7) ~= 'broken:' then
    redis.call('SET', leaseKey, 'broken:' .. holder, 'KEEPTTL')
  end
end
for i = 3, #KEYS do breakLease(KEYS[i]) end

if not listening and wantOld == '0' then
  local n = 0
  for i = 5, #ARGV, step do
    if op == 'put' then
      n = n + redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
    else
      n = n + redis.call('HDEL', KEYS[1], ARGV[i])
    end
  end
  return {'count', n}
end

local reply = {'each'}
for i = 5, #ARGV, step do
  local key = ARGV[i]
  local old = redis.call('HGET', KEYS[1], key)
  local outcome
  if op == 'put' then
    redis.call('HSET', KEYS[1], key, ARGV[i + 1])
    outcome = old and 'updated' or 'created'
    publish(outcome, key, ARGV[i + 1], old)
  elseif old then
    redis.call('HDEL', KEYS[1], key)
    outcome = 'removed'
    publish('removed', key, old, old)
  else
    outcome = 'miss'
  end
  reply[#reply + 1] = outcome
  reply[#reply + 1] = old
end
return reply
