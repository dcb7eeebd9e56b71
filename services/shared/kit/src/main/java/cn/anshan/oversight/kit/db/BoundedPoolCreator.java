package cn.anshan.oversight.kit.db;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;

/** The reactive pool Quarkus configures, with the waits of {@link PoolSettings}. */
@Singleton
public class BoundedPoolCreator implements PgPoolCreator {
  private final PoolSettings settings;

  public BoundedPoolCreator(PoolSettings settings) {
    this.settings = settings;
  }

  @Override
  public Pool create(Input input) {
    PoolOptions options =
        input
            .poolOptions()
            .setConnectionTimeout((int) settings.acquireTimeout().toMillis())
            .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
            .setMaxWaitQueueSize(settings.maxWaiting());
    return PgPool.pool(input.vertx(), input.pgConnectOptionsList(), options);
  }
}
