-- Creates the Bloom filter KEYS[1] with bits ARGV[1..] set, unless the key already exists (-1).
if redis.call('EXISTS', KEYS[1]) == 1 then
  return -1
end
for i = 1, #ARGV do
  redis.call('SETBIT', KEYS[1], ARGV[i], 1)
end
return #ARGV
