-- NextId proposal: claim the IDs ARGV[1]..ARGV[2] if the key is absent or holds a number smaller
-- than ARGV[1], by storing ARGV[2] (the last ID claimed). A compare-and-set that never lowers the
-- value; the value is plain decimal text, as Python pottery stores it (pottery claims one ID at a
-- time: ARGV[1] = ARGV[2]). Any master accepts at most one of two overlapping claims.
-- KEYS[1] = nextid:<key>; ARGV[1], ARGV[2] = decimal integers without leading zeros.
-- Returns 1 if stored; else the stored number (as text, without leading zeros), which is ARGV[1] or
-- more, so that the caller can propose above it without reading first.
-- Numbers are compared as decimal strings (length, then text), never as Lua numbers (doubles), so
-- IDs beyond 2^53 stay exact.
local stored = redis.call('GET', KEYS[1])
local first = ARGV[1]
if stored then
  if not string.match(stored, '^%d+$') then
    return redis.error_reply('the stored ID at ' .. KEYS[1] .. " is not an integer: '" .. stored .. "'")
  end
  local digits = string.gsub(stored, '^0+(%d)', '%1')
  if #digits > #first or (#digits == #first and digits >= first) then
    return digits
  end
end
redis.call('SET', KEYS[1], ARGV[2])
return 1
