-- List.remove(index): delete the element at a (non-negative) index and return it; nil when out of range.
-- As Python pottery does, the slot is overwritten with a marker that no stored element can equal (a
-- fresh random value from the caller) and that marker is removed with LREM.
-- KEYS[1] the list; ARGV[1] the index; ARGV[2] the marker.
local old = redis.call('LINDEX', KEYS[1], ARGV[1])
if not old then
  return false
end
redis.call('LSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('LREM', KEYS[1], 1, ARGV[2])
return old
