-- Redlock extension: reset the lock's time to live only while it still holds our token.
-- KEYS[1] = redlock:<key>, ARGV[1] = our token, ARGV[2] = the full auto-release time in ms.
-- Returns 1 if extended, 0 if the lock is absent or belongs to someone else.
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
