package cn.anshan.oversight.escrow.domain.order;

import cn.anshan.oversight.escrow.domain.contract.InstitutionParticulars;
import cn.anshan.oversight.escrow.domain.contract.PaymentMethod;
import cn.anshan.oversight.escrow.domain.contract.PaymentPlan;
import cn.anshan.oversight.escrow.domain.contract.SignedContract;
import cn.anshan.oversight.escrow.domain.entitlement.Category;
import java.time.LocalDate;

/** The model contract the domain tests sign: a non-subject offline course, paid as a lump sum. */
public final class OrderFixtures {
  private OrderFixtures() {}

  /** An offline institution's complete particulars (CON-02), as the registry reports them. */
  public static final InstitutionParticulars PARTICULARS =
      new InstitutionParticulars(
          "鞍山市铁东区启明星青少年培训中心",
          "OFFLINE",
          "教民121030270000123号",
          LocalDate.parse("2029-03-15"),
          "BUSINESS_LICENCE",
          "91210302MADK3F7Q2G",
          null);

  /** The model contract GF-2021-2604 with CON-06's cooling-off windows as given. */
  public static SignedContract lumpSum(int coolingOffDaysBefore, int coolingOffHoursAfter) {
    return new SignedContract(
        PARTICULARS,
        Category.NON_SUBJECT,
        "OFFLINE",
        "少儿围棋进阶",
        45,
        "10-35",
        PaymentPlan.LUMP_SUM,
        1,
        PaymentMethod.WECHAT_PAY,
        "GF-2021-2604",
        coolingOffDaysBefore,
        coolingOffHoursAfter);
  }
}
