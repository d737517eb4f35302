package io.tally.local.testing;

import io.tally.dynamo.dynalite.DynaliteServer;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import io.tally.local.sqs.ElasticMqServer;
import io.tally.local.sqs.LocalQueues;
import io.tally.local.sqs.QueueOptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One dynalite (shared with {@link DynaliteExtension}) and one embedded ElasticMQ per test JVM,
 * with a Tally table and the {@code QueueId} queues; both stop after the JVM's last test.
 * Injects {@link LocalServers}.
 */
public final class LocalServersExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalServersExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalServers.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Shared.class, key -> Shared.start(context), Shared.class).servers();
    }

    /** Closed by JUnit with the root context. */
    static final class Shared implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final LocalServers servers;

        private Shared(LocalServers servers) {
            this.servers = servers;
        }

        static Shared start(ExtensionContext context) {
            DynaliteServer dynalite = DynaliteExtension.server(context);
            DynamoTestTable table = DynaliteExtension.freshTable(context);
            ElasticMqServer elasticMq = ElasticMqServer.start();
            try {
                LocalQueues queues = elasticMq.createQueues(QueueOptions.asDeployed());
                return new Shared(new LocalServers(dynalite, table.client(), table.tableName(), elasticMq, queues));
            } catch (RuntimeException e) {
                elasticMq.close();
                throw e;
            }
        }

        LocalServers servers() {
            return servers;
        }

        @Override
        public void close() {
            servers.elasticMq().close(); // dynalite belongs to DynaliteExtension's store
        }
    }
}
