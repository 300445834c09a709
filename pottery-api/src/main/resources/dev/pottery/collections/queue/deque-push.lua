-- Pushes ARGV[4..] onto one end of the list KEYS[1] and keeps at most ARGV[1] elements (-1: no
-- limit), dropping from the far end as Python's deque(maxlen=...) does.
-- ARGV[2] is 'L' (LPUSH; overflow leaves at the tail) or 'R' (RPUSH; overflow leaves at the head).
-- ARGV[3] is '1' when the list must not exist yet (creation with initial data): then an existing key
-- returns -1 and nothing is written. Returns the length after the push.
local maxlen = tonumber(ARGV[1])
local left = ARGV[2] == 'L'
if ARGV[3] == '1' and redis.call('EXISTS', KEYS[1]) == 1 then
  return -1
end
local command = left and 'LPUSH' or 'RPUSH'
local length = redis.call('LLEN', KEYS[1])
-- unpack() is limited by the Lua stack, so push in slices
for i = 4, #ARGV, 1000 do
  length = redis.call(command, KEYS[1], unpack(ARGV, i, math.min(i + 999, #ARGV)))
end
if maxlen >= 0 and length > maxlen then
  if left then
    redis.call('LTRIM', KEYS[1], 0, maxlen - 1)
  else
    redis.call('LTRIM', KEYS[1], -maxlen, -1)
  end
  length = maxlen
end
return length
