-- Rotates the list KEYS[1] ARGV[1] steps to the right (negative: to the left), as Python's
-- deque.rotate, reducing the step count modulo the length (unlike pottery's issue #849).
-- Each step is one O(1) LMOVE of the list onto itself; at most half the length is moved.
local length = redis.call('LLEN', KEYS[1])
if length == 0 then
  return 0
end
local steps = tonumber(ARGV[1]) % length -- Lua's % is a floor modulo: 0 <= steps < length
if steps == 0 then
  return 0
end
if steps <= length / 2 then
  for _ = 1, steps do
    redis.call('LMOVE', KEYS[1], KEYS[1], 'RIGHT', 'LEFT')
  end
else
  for _ = 1, length - steps do
    redis.call('LMOVE', KEYS[1], KEYS[1], 'LEFT', 'RIGHT')
  end
end
return steps
