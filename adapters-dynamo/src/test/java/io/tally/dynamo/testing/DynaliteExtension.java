package io.tally.dynamo.testing;

import io.tally.dynamo.dynalite.DynaliteServer;
import io.tally.dynamo.dynalite.LocalDynamo;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One dynalite per test JVM (started on first use, stopped when the JVM's tests end) and a Tally
 * table per test class. Inject into test or lifecycle methods:
 * <ul>
 *   <li>{@link DynamoTestTable}: the test class's table (created on first use, shared by its tests);
 *       annotate the parameter with {@link Fresh} for a new empty table per call, or call
 *       {@link DynamoTestTable#fresh(String)};</li>
 *   <li>{@link DynamoDbClient}: the JVM-wide client for that dynalite;</li>
 *   <li>{@link DynaliteServer}: for its endpoint, e.g. to build other clients.</li>
 * </ul>
 * Logs go to {@code target/dynalite/} of the module under test.
 */
public final class DynaliteExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DynaliteExtension.class);

    /** Asks for a new, empty table instead of the test class's shared one. */
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Fresh {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == DynamoTestTable.class || type == DynamoDbClient.class || type == DynaliteServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == DynaliteServer.class) {
            return shared(context).server();
        }
        if (type == DynamoDbClient.class) {
            return shared(context).client();
        }
        if (parameter.isAnnotated(Fresh.class)) {
            return DynamoTestTable.create(shared(context).client(), hint(context));
        }
        return classTable(context);
    }

    /** The JVM-wide dynalite and client, for code that has an ExtensionContext (other extensions). */
    public static DynaliteServer server(ExtensionContext context) {
        return shared(context).server();
    }

    /** A new, empty table with a unique name on the JVM-wide dynalite. */
    public static DynamoTestTable freshTable(ExtensionContext context) {
        return DynamoTestTable.create(shared(context).client(), hint(context));
    }

    private static DynamoTestTable classTable(ExtensionContext context) {
        ExtensionContext classContext = context.getTestClass().isPresent()
                ? classContextOf(context) : context;
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent("table",
                key -> DynamoTestTable.create(shared(context).client(), hint(classContext)), DynamoTestTable.class);
    }

    private static ExtensionContext classContextOf(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    private static String hint(ExtensionContext context) {
        return context.getTestClass().map(Class::getSimpleName).orElse("table");
    }

    private static SharedDynalite shared(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedDynalite.class, key -> SharedDynalite.start(), SharedDynalite.class);
    }

    /** Closed by JUnit when the root context closes, i.e. after the JVM's last test. */
    static final class SharedDynalite implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final DynaliteServer server;
        private final DynamoDbClient client;

        private SharedDynalite(DynaliteServer server, DynamoDbClient client) {
            this.server = server;
            this.client = client;
        }

        static SharedDynalite start() {
            DynaliteServer server = DynaliteServer.builder().logDirectory(Path.of("target", "dynalite")).start();
            try {
                return new SharedDynalite(server, LocalDynamo.client(server.endpoint()));
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
        }

        DynaliteServer server() {
            return server;
        }

        DynamoDbClient client() {
            return client;
        }

        @Override
        public void close() {
            try {
                client.close();
            } finally {
                server.close();
            }
        }
    }
}
