using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Noress.App.Members;

namespace Noress.App.Sessions.Speakers;

internal sealed class FloorRequestConfiguration : IEntityTypeConfiguration<FloorRequest>
{
    public void Configure(EntityTypeBuilder<FloorRequest> builder)
    {
        builder.ToTable("FloorRequests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Version).IsConcurrencyToken();
        // The database settles races between nodes: two asks cannot take one position, an institution cannot wait
        // twice on one item, and a session has one speaker at a time (null keys are not unique).
        builder.HasIndex(r => new { r.AgendaItemId, r.Position }).IsUnique();
        builder.HasIndex(r => new { r.AgendaItemId, r.OpenInstitutionId }).IsUnique();
        builder.HasIndex(r => r.SpeakingSessionId).IsUnique();
        builder.HasOne<Session>().WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(r => r.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Institution>().WithMany().HasForeignKey(r => r.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}
