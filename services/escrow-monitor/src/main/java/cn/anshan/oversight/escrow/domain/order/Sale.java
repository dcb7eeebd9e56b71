package cn.anshan.oversight.escrow.domain.order;

import cn.anshan.oversight.escrow.domain.entitlement.FiledCourse;
import cn.anshan.oversight.escrow.domain.entitlement.InstitutionStanding;
import cn.anshan.oversight.escrow.domain.supervision.Supervision;

/**
 * What a parent's order is placed against, each part checked by {@link SaleRules} as it is loaded:
 * a course on sale, an institution that may sell (LST-01), its supervised account in the mode the
 * contract ticks (PRE-05, CON-05).
 */
public record Sale(FiledCourse course, InstitutionStanding standing, Supervision supervision) {}
