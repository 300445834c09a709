-- Redlock release: delete the lock only while it still holds our token.
-- KEYS[1] = redlock:<key>, ARGV[1] = our token (a UUID4 string).
-- Returns 1 if deleted, 0 if the lock is absent or belongs to someone else: a lease that expired
-- and was taken over must never be released by its former holder.
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
