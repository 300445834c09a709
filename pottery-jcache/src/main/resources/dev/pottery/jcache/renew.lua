-- Renews leases a process holds on entries of one cache, so that a slow CacheWriter or CacheLoader does not
-- outlive them.
--
-- KEYS[i]  the lease of an entry (a string holding the fencing token of its holder)
-- ARGV[i]  the token this process holds that lease with
-- ARGV[#KEYS + 1]  the new lease time in ms
-- Reply: for each lease, 1 if it was still this token's (broken by a write or not) and is renewed, 0 if it is
-- gone or another's
-- (the holder's write-back will then be refused).
local ms = ARGV[#KEYS + 1]
local reply = {}
for i = 1, #KEYS do
  local holder = redis.call('GET', KEYS[i])
  if holder == ARGV[i] or holder == 'broken:' .. ARGV[i] then
    redis.call('PEXPIRE', KEYS[i], ms)
    reply[i] = 1
  else
    reply[i] = 0
  end
end
return reply
