package cn.anshan.oversight.enrolment.repository;

import cn.anshan.oversight.enrolment.domain.provider.ProviderStanding;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ProviderStandingRepository
    implements PanacheRepositoryBase<ProviderStanding, String> {}
