-- Compare-and-set of one field: the basis of remove(k, v), replace(k, old, new), compute* and merge.
-- KEYS[1] the hash.
-- ARGV[1] the field.
-- ARGV[2] '1' if the field is expected to exist with value ARGV[3], '0' if it is expected absent.
-- ARGV[4] '1' to store ARGV[5] as the new value, '0' to delete the field.
-- Returns 1 when the expectation held and the change was made; otherwise nothing changed and the reply is
-- the field's current value, or 0 if it is absent (so that the caller can compare values, not just bytes).
local current = redis.call('HGET', KEYS[1], ARGV[1])
if ARGV[2] == '1' then
  if current ~= ARGV[3] then
    return current or 0
  end
elseif current then
  return current
end
if ARGV[4] == '1' then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[5])
else
  redis.call('HDEL', KEYS[1], ARGV[1])
end
return 1
