-- Redlock check: the lock's remaining time to live in ms if it holds our token, else 0.
-- KEYS[1] = redlock:<key>, ARGV[1] = our token.
if redis.call('GET', KEYS[1]) == ARGV[1] then
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl > 0 then
    return ttl
  end
end
return 0
