-- Bulk removal on the list KEYS[1] in one atomic step. ARGV[1] = 'drop': remove every element equal
-- to one of ARGV[2..] (removeAll); 'keep': remove every element equal to none of them (retainAll).
-- Returns the number of elements removed.
local wanted = {}
for i = 2, #ARGV do
  wanted[ARGV[i]] = true
end
if ARGV[1] == 'drop' then
  local removed = 0
  for value in pairs(wanted) do
    removed = removed + redis.call('LREM', KEYS[1], 0, value)
  end
  return removed
end
local items = redis.call('LRANGE', KEYS[1], 0, -1)
local kept = {}
for _, value in ipairs(items) do
  if wanted[value] then
    kept[#kept + 1] = value
  end
end
if #kept == #items then
  return 0
end
redis.call('DEL', KEYS[1])
for i = 1, #kept, 1000 do
  redis.call('RPUSH', KEYS[1], unpack(kept, i, math.min(i + 999, #kept)))
end
return #items - #kept
