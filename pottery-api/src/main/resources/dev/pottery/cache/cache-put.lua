-- Stores a computed result: HSET field ARGV[1] to ARGV[2] in the cache hash KEYS[1], then, when ARGV[3]
-- (milliseconds, a whole number compared as text) is not '0', slide the expiry of the whole cache forward.
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
if ARGV[3] ~= '0' then
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
end
return 1
