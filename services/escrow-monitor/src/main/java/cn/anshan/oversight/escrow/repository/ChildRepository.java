package cn.anshan.oversight.escrow.repository;

import cn.anshan.oversight.escrow.domain.family.RegisteredChild;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ChildRepository implements PanacheRepositoryBase<RegisteredChild, UUID> {}
