package dev.pottery.codec;

import java.io.ObjectInputFilter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The allow-list a {@link SerializingCodec} decodes under: which classes the bytes may name, and how deep,
 * long and many their objects may be. Immutable; {@link #newCheck(int)} makes the per-stream check.
 *
 * <p>A class is allowed when it is one of the declared types, matches an allow pattern (the
 * {@link ObjectInputFilter.Config#createFilter(String)} syntax: {@code com.example.Order},
 * {@code com.example.*}, {@code com.example.**}, {@code com.example.Prefix*}, and {@code !name} to refuse),
 * is an enum, or is a superclass of a class already allowed in the same stream (a superclass is part of the
 * allowed object, not a new one). An array is judged by its element type; primitives and interfaces (nothing
 * can be made of an interface itself, e.g. the {@code Map.Entry[]} of a map's table) are always allowed.
 */
final class SerializationFilter {

    /**
     * The JDK's value types, allowed by every {@link SerializingCodec}: strings, boxed primitives, big
     * numbers, {@code java.time}, UUID, Date, URI, Locale, Currency and the {@code java.util} collections
     * with their unmodifiable, synchronized, empty, singleton and {@code List.of}/{@code Map.of} forms.
     */
    static final List<String> JDK_VALUE_TYPES = List.of(
            "java.lang.String", "java.lang.Boolean", "java.lang.Byte", "java.lang.Short", "java.lang.Integer",
            "java.lang.Long", "java.lang.Float", "java.lang.Double", "java.lang.Character", "java.lang.Number",
            "java.lang.Object", "java.lang.Enum",
            "java.math.BigInteger", "java.math.BigDecimal",
            "java.time.**",
            "java.util.UUID", "java.util.Date", "java.util.Locale", "java.util.Currency", "java.net.URI",
            "java.sql.Date", "java.sql.Time", "java.sql.Timestamp",
            "java.util.ArrayList", "java.util.LinkedList", "java.util.Vector", "java.util.Stack",
            "java.util.ArrayDeque", "java.util.PriorityQueue",
            "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.Hashtable",
            "java.util.IdentityHashMap", "java.util.EnumMap",
            "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet", "java.util.EnumSet",
            "java.util.EnumSet$SerializationProxy", "java.util.RegularEnumSet", "java.util.JumboEnumSet",
            "java.util.BitSet", "java.util.Arrays$ArrayList", "java.util.Collections$*", "java.util.CollSer",
            "java.util.ImmutableCollections$*", "java.util.AbstractMap$SimpleEntry",
            "java.util.AbstractMap$SimpleImmutableEntry",
            "java.lang.String$CaseInsensitiveComparator",
            "java.util.concurrent.ConcurrentHashMap", "java.util.concurrent.ConcurrentHashMap$Segment",
            "java.util.concurrent.locks.ReentrantLock$NonfairSync",
            "java.util.concurrent.ConcurrentSkipListMap", "java.util.concurrent.ConcurrentSkipListSet",
            "java.util.concurrent.CopyOnWriteArrayList", "java.util.concurrent.CopyOnWriteArraySet",
            "java.util.concurrent.ConcurrentLinkedQueue", "java.util.concurrent.ConcurrentLinkedDeque",
            "java.util.concurrent.atomic.AtomicInteger", "java.util.concurrent.atomic.AtomicLong",
            "java.util.concurrent.atomic.AtomicBoolean");

    /** Default deepest nesting of objects in one value. */
    static final long MAX_DEPTH = 32;
    /** Default longest array: this many times the number of stored bytes, and at least {@link #MIN_ARRAY}. */
    static final long ARRAY_PER_BYTE = 8;
    static final long MIN_ARRAY = 1024;

    private static final Set<String> LIMITS = Set.of("maxdepth", "maxarray", "maxrefs", "maxbytes");

    private final Set<Class<?>> declared;
    private final Set<Class<?>> supertypes;
    private final List<String> patterns;
    private final ObjectInputFilter patternFilter;
    private final long maxDepth;
    private final long maxArray;
    private final long maxRefs;

    private SerializationFilter(Set<Class<?>> declared, Set<Class<?>> supertypes, List<String> patterns,
                                long maxDepth, long maxArray, long maxRefs) {
        this.declared = Set.copyOf(declared);
        this.supertypes = Set.copyOf(supertypes);
        this.patterns = List.copyOf(patterns);
        List<String> all = new ArrayList<>();
        for (String pattern : patterns) {
            if (!isLimit(pattern)) {
                all.add(pattern);
            }
        }
        all.addAll(JDK_VALUE_TYPES);
        this.patternFilter = ObjectInputFilter.Config.createFilter(String.join(";", all));
        this.maxDepth = maxDepth;
        this.maxArray = maxArray;
        this.maxRefs = maxRefs;
    }

    /** The JDK value types only, with the default limits. */
    static SerializationFilter jdkValueTypes() {
        return new SerializationFilter(Set.of(), Set.of(), List.of(), MAX_DEPTH, -1, -1);
    }

    /** This filter plus the given classes (exactly these classes, and arrays of them). */
    SerializationFilter allowTypes(List<Class<?>> types) {
        Set<Class<?>> all = new LinkedHashSet<>(declared);
        for (Class<?> type : types) {
            if (type != null && type != Object.class) {
                all.add(type);
            }
        }
        return new SerializationFilter(all, supertypes, patterns, maxDepth, maxArray, maxRefs);
    }

    /**
     * This filter plus every class assignable to one of these types: interfaces an application implements on
     * purpose (a cache loader, a listener). {@code Object}, {@code Serializable}, {@code Externalizable} and
     * {@code Cloneable} are refused, as they would allow everything.
     *
     * @throws IllegalArgumentException for such a type
     */
    SerializationFilter allowSubtypesOf(List<Class<?>> types) {
        Set<Class<?>> all = new LinkedHashSet<>(supertypes);
        for (Class<?> type : types) {
            if (type == Object.class || type == java.io.Serializable.class || type == java.io.Externalizable.class
                    || type == Cloneable.class || type == Comparable.class) {
                throw new IllegalArgumentException("allowing every " + type.getName() + " would allow everything");
            }
            all.add(type);
        }
        return new SerializationFilter(declared, all, patterns, maxDepth, maxArray, maxRefs);
    }

    /**
     * This filter plus the given patterns ({@code ;} or {@code ,} separated, blanks ignored); a limit
     * ({@code maxdepth=}, {@code maxarray=}, {@code maxrefs=}) replaces the default.
     *
     * @throws IllegalArgumentException if a pattern is not valid {@link ObjectInputFilter} syntax
     */
    SerializationFilter allowPatterns(List<String> more) {
        List<String> all = new ArrayList<>(patterns);
        long depth = maxDepth;
        long array = maxArray;
        long refs = maxRefs;
        for (String item : more) {
            for (String part : item.split("[;,]")) {
                String pattern = part.trim();
                if (pattern.isEmpty()) {
                    continue;
                }
                if (isLimit(pattern)) {
                    String name = pattern.substring(0, pattern.indexOf('=')).trim().toLowerCase(Locale.ROOT);
                    long value = limitValue(pattern);
                    switch (name) {
                        case "maxdepth" -> depth = value;
                        case "maxarray" -> array = value;
                        case "maxrefs" -> refs = value;
                        default -> { }   // maxbytes: the stored bytes are already in memory
                    }
                } else if (pattern.contains("=") || pattern.contains("/")) {
                    throw new IllegalArgumentException("not a class pattern: '" + pattern + "' (expected e.g."
                            + " com.example.Order, com.example.*, com.example.** or maxdepth=64)");
                }
                all.add(pattern);
            }
        }
        ObjectInputFilter.Config.createFilter(String.join(";", all));   // fails here on bad syntax
        return new SerializationFilter(declared, supertypes, all, depth, array, refs);
    }

    /** The check for one stream of {@code length} bytes. */
    StreamCheck newCheck(int length) {
        return new StreamCheck(length);
    }

    /** What is allowed beyond the JDK value types, for messages. */
    String describe() {
        List<String> parts = new ArrayList<>();
        parts.add("JDK value types");
        for (Class<?> type : declared) {
            parts.add(type.getName());
        }
        for (Class<?> type : supertypes) {
            parts.add("every " + type.getName());
        }
        parts.addAll(patterns);
        return String.join(", ", parts);
    }

    private static boolean isLimit(String pattern) {
        int equals = pattern.indexOf('=');
        return equals > 0 && LIMITS.contains(pattern.substring(0, equals).trim().toLowerCase(Locale.ROOT));
    }

    private static long limitValue(String pattern) {
        try {
            long value = Long.parseLong(pattern.substring(pattern.indexOf('=') + 1).trim());
            if (value < 0) {
                throw new NumberFormatException("negative");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a limit: '" + pattern + "' (expected e.g. maxdepth=64)", e);
        }
    }

    /**
     * The check of one stream. It remembers the first class it refused (for the message) and the classes it
     * allowed, whose superclasses it then allows too.
     */
    final class StreamCheck implements ObjectInputFilter {

        private final long arrayLimit;
        private final long refsLimit;
        private final Set<Class<?>> allowed = new HashSet<>();
        private String refused;

        StreamCheck(int length) {
            this.arrayLimit = maxArray >= 0 ? maxArray : Math.max(MIN_ARRAY, ARRAY_PER_BYTE * length);
            this.refsLimit = maxRefs >= 0 ? maxRefs : Math.max(MIN_ARRAY, 2L * length);
        }

        @Override
        public Status checkInput(FilterInfo info) {
            if (info.depth() > maxDepth) {
                return refuse("objects nested " + info.depth() + " deep (more than maxdepth=" + maxDepth + ")");
            }
            if (info.references() > refsLimit) {
                return refuse(info.references() + " object references (more than maxrefs=" + refsLimit + ")");
            }
            if (info.arrayLength() > arrayLimit) {
                return refuse("an array of " + info.arrayLength() + " elements (more than maxarray=" + arrayLimit + ")");
            }
            Class<?> type = info.serialClass();
            if (type == null) {
                return Status.ALLOWED;
            }
            Class<?> element = type;
            while (element.isArray()) {
                element = element.getComponentType();
            }
            if (element.isPrimitive() || element.isInterface() || allowed.contains(element)) {
                return Status.ALLOWED;
            }
            Status byPattern = patternFilter.checkInput(new ClassOnly(element));
            if (byPattern == Status.REJECTED) {
                return refuse("class " + element.getName() + " (refused by a pattern)");
            }
            if (byPattern == Status.ALLOWED || declared.contains(element) || element.isEnum() || isSubtype(element)) {
                for (Class<?> c = element; c != null; c = c.getSuperclass()) {
                    allowed.add(c);
                }
                return Status.ALLOWED;
            }
            return refuse("class " + element.getName());
        }

        /**
         * Checks one class as a stream being written names it (no limits apply): the same verdict a
         * reader with this filter will give when it meets the class.
         */
        boolean allowsWriting(Class<?> type) {
            return checkInput(new ClassOnly(type)) == Status.ALLOWED;
        }

        private boolean isSubtype(Class<?> element) {
            for (Class<?> type : supertypes) {
                if (type.isAssignableFrom(element)) {
                    return true;
                }
            }
            return false;
        }

        private Status refuse(String what) {
            if (refused == null) {
                refused = what;
            }
            return Status.REJECTED;
        }

        /** What was refused, or null. */
        String refused() {
            return refused;
        }
    }

    /** The class alone, so that the pattern filter judges names and leaves the limits to us. */
    private record ClassOnly(Class<?> element) implements ObjectInputFilter.FilterInfo {

        @Override
        public Class<?> serialClass() {
            return element;
        }

        @Override
        public long arrayLength() {
            return -1;
        }

        @Override
        public long depth() {
            return 1;
        }

        @Override
        public long references() {
            return 0;
        }

        @Override
        public long streamBytes() {
            return 0;
        }
    }
}
