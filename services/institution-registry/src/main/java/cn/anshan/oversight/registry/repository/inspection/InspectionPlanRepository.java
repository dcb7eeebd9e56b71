package cn.anshan.oversight.registry.repository.inspection;

import cn.anshan.oversight.registry.domain.inspection.InspectionPlan;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class InspectionPlanRepository implements PanacheRepositoryBase<InspectionPlan, UUID> {}
