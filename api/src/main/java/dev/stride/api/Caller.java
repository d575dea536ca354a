package dev.stride.api;

import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Where a Step Functions request comes from: the region of its SigV4 credential scope and the
 * account its access key id names (a 12-digit key id is the account, as AWS-compatible local
 * stacks do; any other key is the server's account). ARNs the request makes carry them, and it
 * sees only the resources of its own region and account, as on AWS.
 *
 * <p>Held per thread for the length of one operation (each request has its own virtual thread),
 * so the operations keep taking only their request; code outside a request (the console, the
 * engine's listeners) acts as the server's own region and account.
 */
record Caller(String region, String account) {
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
    private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

    /** The caller a credential scope names; the server's region and account for what it leaves out. */
    static Caller of(ServiceRouter.Scope scope, String defaultRegion, String defaultAccount) {
        if (scope == null) return new Caller(defaultRegion, defaultAccount);
        String region = REGION.matcher(scope.region()).matches() ? scope.region() : defaultRegion;
        String key = scope.accessKeyId();
        String account = key.length() == 12 && key.chars().allMatch(Character::isDigit) ? key : defaultAccount;
        return new Caller(region, account);
    }

    /** The caller an ARN belongs to ({@code arn:aws:states:REGION:ACCOUNT:...}), or null when it is not such an ARN. */
    static Caller owning(String arn) {
        String[] p = arn == null ? new String[0] : arn.split(":", 6);
        return p.length == 6 && p[0].equals("arn") && p[2].equals("states") ? new Caller(p[3], p[4]) : null;
    }

    /** Runs the work as this caller. */
    <T> T run(Supplier<T> work) {
        Caller before = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            if (before == null) CURRENT.remove();
            else CURRENT.set(before);
        }
    }

    /** The caller of the operation running on this thread, or null outside one. */
    static Caller current() { return CURRENT.get(); }

    /** {@code arn:aws:states:REGION:ACCOUNT:}, what every ARN of this caller starts with. */
    String arnPrefix() { return "arn:aws:states:" + region + ":" + account + ":"; }
}
