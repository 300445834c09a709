-- Python Counter's in-place operators on the hash KEYS[1], atomically. ARGV[1] is the mode and
-- ARGV[2..] the other counter as field, count pairs:
--   'add' (+= and -=, with counts already negated for -=): HINCRBY each field by its count
--   'max' (|=): raise each field to the other's count when that is larger
--   'min' (&=): lower each of our fields to the other's count (0 when absent) when that is smaller
-- Afterwards, as Python does, every field whose count is not positive is deleted.
-- Returns the number of fields left.
local key = KEYS[1]
local mode = ARGV[1]
local other = {}
for i = 2, #ARGV, 2 do
  other[ARGV[i]] = ARGV[i + 1]
end
if mode == 'add' then
  for field, count in pairs(other) do
    redis.call('HINCRBY', key, field, count)
  end
elseif mode == 'max' then
  for field, count in pairs(other) do
    local current = tonumber(redis.call('HGET', key, field) or '0')
    if tonumber(count) > current then
      redis.call('HSET', key, field, count)
    end
  end
elseif mode == 'min' then
  local fields = redis.call('HKEYS', key)
  for _, field in ipairs(fields) do
    local count = other[field] or '0'
    if tonumber(count) < tonumber(redis.call('HGET', key, field)) then
      redis.call('HSET', key, field, count)
    end
  end
else
  return redis.error_reply('unknown counter mode ' .. tostring(mode))
end
local all = redis.call('HGETALL', key)
for i = 1, #all, 2 do
  if tonumber(all[i + 1]) <= 0 then
    redis.call('HDEL', key, all[i])
  end
end
return redis.call('HLEN', key)
