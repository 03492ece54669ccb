package dev.sluice.platform.source;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which configuration items hold secrets, and which values look like credentials in the wrong place: the one list.
 * An item is secret when its type declares it (for every type: {@code jdbc.password}, {@code pwd}, {@code keytab},
 * {@code sasl.jaas.config}, …; for Alibaba Cloud types also {@code accessKey}, which there is the AccessKey secret while
 * {@code accessId} is the ID) or when its name says so (password, secret, token, private key, credential, keytab,
 * passphrase), so types Sluice has no client for, and items it has never heard of, are protected too. Secrets are
 * sealed at rest and never shown. A value of any other item that carries a credential ({@code user:pass@host},
 * {@code password=…}) is refused: it would be stored and shown in the clear.
 */
final class SecretItems {

    /** Secret in every type, by exact name (compared ignoring case and punctuation). */
    private static final Set<String> EVERY_TYPE = normalized("jdbc.password", "password", "pwd", "passwd", "keytab",
            "sasl.jaas.config", "token", "private.key", "privateKey", "accessKeySecret", "access.key.secret", "secretKey");

    /** Alibaba Cloud sources name the AccessKey pair accessId / accessKey: there the "key" is the secret. */
    private static final Set<String> ALIBABA_CLOUD_KEYS = normalized("accessKey", "access.key", "accessSecret", "ak.secret", "sk");

    private static final Map<String, Set<String>> BY_TYPE = Map.ofEntries(
            cloud("MAX_COMPUTE"), cloud("OSS"), cloud("HOLOGRES"), cloud("DATAHUB"), cloud("LOG_HUB"), cloud("TABLESTORE"),
            cloud("LINDORM"), cloud("ADB_FOR_PG"), cloud("ADB_FOR_MYSQL_V3"), cloud("ANALYTICDB"), cloud("POLARDB"),
            cloud("DRDS"), cloud("SELECTDB"), cloud("ELASTIC_SEARCH"),
            Map.entry("AMAZON_S3", normalized("secretAccessKey", "sessionToken")),
            Map.entry("SNOWFLAKE", normalized("private_key_file_pwd", "privateKeyPassphrase")),
            Map.entry("KAFKA", normalized("ssl.key.password", "ssl.keystore.password", "ssl.truststore.password")));

    private static final List<String> SECRET_WORDS = List.of("password", "passwd", "secret", "privatekey", "credential", "keytab",
            "passphrase", "jaasconfig");

    /** {@code scheme://user:pass@…} anywhere, or a whole value {@code user:pass@host}. */
    private static final Pattern USER_INFO = Pattern.compile("(?i)(?:[a-z][a-z0-9+.-]*:)?//[^/?#@\\s]*:[^/?#@\\s]*@|^[^\\s/:@]+:[^\\s/@]+@\\S+$");
    /** {@code password=}, {@code pwd=}, … as a URL query, a {@code ;} option, a JAAS or ODBC pair. */
    private static final Pattern PASSWORD_PAIR = Pattern.compile("(?i)(?:^|[?&;,\\s\"'])(?:password|passwd|pwd)[\"']?\\s*[=:]");

    private SecretItems() {
    }

    static boolean secret(SourceType type, String key) {
        String k = normalize(key);
        return EVERY_TYPE.contains(k) || BY_TYPE.getOrDefault(type.name(), Set.of()).contains(k) || namesASecret(k);
    }

    /**
     * For places that know no type (a log line of one item): the name rule, plus what any type declares, since hiding
     * an S3 access key ID in a log costs nothing while showing a MaxCompute access key would.
     */
    static boolean byName(String key) {
        String k = normalize(key);
        return namesASecret(k) || EVERY_TYPE.contains(k) || BY_TYPE.values().stream().anyMatch(declared -> declared.contains(k));
    }

    private static boolean namesASecret(String normalizedKey) {
        return SECRET_WORDS.stream().anyMatch(normalizedKey::contains) || normalizedKey.endsWith("token") || normalizedKey.endsWith("pwd");
    }

    /** Whether a value of a non-secret item carries a credential of its own. */
    static boolean carriesCredential(String value) {
        return USER_INFO.matcher(value).find() || PASSWORD_PAIR.matcher(value).find();
    }

    private static Map.Entry<String, Set<String>> cloud(String type) {
        return Map.entry(type, ALIBABA_CLOUD_KEYS);
    }

    private static Set<String> normalized(String... keys) {
        return java.util.Arrays.stream(keys).map(SecretItems::normalize).collect(Collectors.toUnmodifiableSet());
    }

    private static String normalize(String key) {
        return key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
