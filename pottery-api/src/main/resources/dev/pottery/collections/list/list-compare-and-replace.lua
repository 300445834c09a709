-- Rewrites the whole list (sort, replaceAll) only if it still holds what the caller read: the caller
-- sends the SHA-1 of what it read, each element written as <byte length>:<bytes>. Returns 1 when
-- replaced, 0 when the list changed meanwhile (nothing written; the caller reads again and retries).
-- KEYS[1] the list; ARGV[1] the digest; ARGV[2..] the new elements.
local key = KEYS[1]
local parts = {}
for _, element in ipairs(redis.call('LRANGE', key, 0, -1)) do
  parts[#parts + 1] = #element .. ':' .. element
end
if redis.sha1hex(table.concat(parts)) ~= ARGV[1] then
  return 0
end
redis.call('DEL', key)
local step = 1000
for i = 2, #ARGV, step do
  redis.call('RPUSH', key, unpack(ARGV, i, math.min(i + step - 1, #ARGV)))
end
return 1
