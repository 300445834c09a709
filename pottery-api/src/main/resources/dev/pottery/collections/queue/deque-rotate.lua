-- Rotates the list KEYS[1] ARGV[1] steps to the right (negative: to the left), as Python's
-- deque.rotate, reducing the step count modulo the length (unlike pottery's issue #849).
-- ARGV[1] is any 64-bit integer in decimal; it is reduced digit by digit, because a Lua number (a
-- double) holds integers exactly only up to 2^53. Each step is one O(1) LMOVE of the list onto
-- itself; at most half the length is moved. Returns the steps taken to the right, 0 <= steps < length.
local length = redis.call('LLEN', KEYS[1])
if length == 0 then
  return 0
end
local text = ARGV[1]
local negative = string.sub(text, 1, 1) == '-'
local steps = 0
for i = negative and 2 or 1, #text do
  -- steps < length <= 2^32, so steps * 10 + 9 stays far below 2^53
  steps = (steps * 10 + string.byte(text, i) - 48) % length
end
if negative and steps ~= 0 then
  steps = length - steps -- a floor modulo, as Python's: rotate(-1) of 3 elements is rotate(2)
end
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
