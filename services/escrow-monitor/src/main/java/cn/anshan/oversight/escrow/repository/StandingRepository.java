package cn.anshan.oversight.escrow.repository;

import cn.anshan.oversight.escrow.domain.entitlement.InstitutionStanding;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class StandingRepository implements PanacheRepositoryBase<InstitutionStanding, String> {}
