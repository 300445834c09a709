-- Whether the list KEYS[1] holds every one of ARGV[1..] (LPOS each, stopping at the first miss).
for i = 1, #ARGV do
  if not redis.call('LPOS', KEYS[1], ARGV[i]) then
    return 0
  end
end
return 1
