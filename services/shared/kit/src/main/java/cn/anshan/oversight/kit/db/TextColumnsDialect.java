package cn.anshan.oversight.kit.db;

import java.sql.Types;
import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;

/**
 * PostgreSQL as the migrations write it: every string column is {@code text} (PostgreSQL stores
 * {@code text} and {@code varchar(n)} alike; limits are rules, checked in the domain). Hibernate's
 * own default, {@code varchar(255)}, disagreed with every migration, so dev mode's schema
 * validation reported each string column as wrong (issue 14 item 8).
 */
public class TextColumnsDialect extends PostgreSQLDialect {

  public TextColumnsDialect() {
    super();
  }

  public TextColumnsDialect(DialectResolutionInfo info) {
    super(info);
  }

  public TextColumnsDialect(DatabaseVersion version) {
    super(version);
  }

  @Override
  protected String columnType(int sqlTypeCode) {
    return sqlTypeCode == Types.VARCHAR ? "text" : super.columnType(sqlTypeCode);
  }
}
