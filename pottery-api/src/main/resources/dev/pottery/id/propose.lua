-- NextId proposal: store ARGV[1] if the key is absent or holds a smaller number (a compare-and-set
-- that never lowers the value; Python pottery stores the same plain decimal text).
-- KEYS[1] = nextid:<key>, ARGV[1] = the proposed ID, a decimal integer without leading zeros.
-- Returns 1 if stored, 0 if the key already holds the proposal or more.
-- Numbers are compared as decimal strings (length, then text), so IDs beyond 2^53 stay exact.
local stored = redis.call('GET', KEYS[1])
local proposal = ARGV[1]
if stored then
  if not string.match(stored, '^%d+$') then
    return redis.error_reply('the value at ' .. KEYS[1] .. ' is not a non-negative integer: ' .. stored)
  end
  stored = string.gsub(stored, '^0+(%d)', '%1')
  if #stored > #proposal or (#stored == #proposal and stored >= proposal) then
    return 0
  end
end
redis.call('SET', KEYS[1], proposal)
return 1
