-- Pottery's membership test for the HyperLogLog KEYS[1]: for each of ARGV[1..], copy the HLL to the
-- scratch key KEYS[2], PFADD the value there, and call it "seen" when no register changed (PFADD 0).
-- The scratch key lives only inside this script. Returns one 1/0 per value.
local seen = {}
for i = 1, #ARGV do
  redis.call('DEL', KEYS[2])
  redis.call('COPY', KEYS[1], KEYS[2])
  seen[i] = 1 - redis.call('PFADD', KEYS[2], ARGV[i])
end
redis.call('DEL', KEYS[2])
return seen
