-- Creates the HyperLogLog KEYS[1] holding ARGV[1..], unless the key already exists (-1).
if redis.call('EXISTS', KEYS[1]) == 1 then
  return -1
end
for i = 1, #ARGV, 1000 do
  redis.call('PFADD', KEYS[1], unpack(ARGV, i, math.min(i + 999, #ARGV)))
end
return #ARGV
