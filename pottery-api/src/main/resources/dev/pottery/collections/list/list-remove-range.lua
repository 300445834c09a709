-- Removes positions [ARGV[1], ARGV[2]) (a subList's clear()), atomically; returns how many went, or -1
-- when the range does not fit the list (nothing written).
-- KEYS[1] the list; ARGV[1] from (inclusive); ARGV[2] to (exclusive).
local key = KEYS[1]
local from = tonumber(ARGV[1])
local to = tonumber(ARGV[2])
local n = redis.call('LLEN', key)
if from < 0 or to > n or from > to then
  return -1
end
if from == to then
  return 0
end
local tail = redis.call('LRANGE', key, to, -1)
if from == 0 then
  redis.call('DEL', key)
else
  redis.call('LTRIM', key, 0, from - 1)
end
local step = 1000
for i = 1, #tail, step do
  redis.call('RPUSH', key, unpack(tail, i, math.min(i + step - 1, #tail)))
end
return to - from
