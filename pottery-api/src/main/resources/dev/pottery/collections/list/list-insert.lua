-- List.add(index, e) and addAll(index, c): insert ARGV[2..] before position ARGV[1], atomically.
-- Returns the new length, or -1 when the index is beyond the end (nothing written).
-- KEYS[1] the list; ARGV[1] the index (0 <= index); ARGV[2..] the encoded elements, in order.
local key = KEYS[1]
local n = redis.call('LLEN', key)
local index = tonumber(ARGV[1])
local count = #ARGV - 1
if index > n then
  return -1
end
if count == 0 then
  return n
end
-- unpack() is limited by Lua's C stack, so push in slices.
local function push(values, from, to)
  local step = 1000
  for i = from, to, step do
    redis.call('RPUSH', key, unpack(values, i, math.min(i + step - 1, to)))
  end
end
if index == n then
  push(ARGV, 2, #ARGV)
elseif index == 0 then
  -- LPUSH prepends one at a time, so push the new elements last to first.
  for i = #ARGV, 2, -1 do
    redis.call('LPUSH', key, ARGV[i])
  end
else
  -- Cut the list at the index, append the new elements, then the tail again: O(length) like LINSERT,
  -- but without needing a unique pivot value.
  local tail = redis.call('LRANGE', key, index, -1)
  redis.call('LTRIM', key, 0, index - 1)
  push(ARGV, 2, #ARGV)
  push(tail, 1, #tail)
end
return redis.call('LLEN', key)
