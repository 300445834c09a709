-- List.set: replace the element at a (non-negative) index and return the old one; nil when the index
-- is out of range (nothing written). LSET alone cannot return the old element.
-- KEYS[1] the list; ARGV[1] the index; ARGV[2] the new element.
local old = redis.call('LINDEX', KEYS[1], ARGV[1])
if not old then
  return false
end
redis.call('LSET', KEYS[1], ARGV[1], ARGV[2])
return old
