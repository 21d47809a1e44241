using Noress.App.Audit;

namespace Noress.Tests.Audit;

public sealed class AuditServiceParsingTests
{
    [Fact]
    public void ParseChanges_InterceptorJson_ListsFieldsWithOldAndNew()
    {
        var changes = AuditService.ParseChanges("{\"NameFr\":{\"old\":\"Ancien\",\"new\":\"Nouveau\"},\"City\":{\"old\":null,\"new\":\"Tétouan\"}}");

        Assert.Equal([new AuditFieldChange("NameFr", "Ancien", "Nouveau"), new AuditFieldChange("City", null, "Tétouan")], changes);
    }

    [Fact]
    public void ParseChanges_NotJson_ShowsTheRawText()
    {
        var changes = AuditService.ParseChanges("tampered");

        Assert.Equal([new AuditFieldChange("?", null, "tampered")], changes);
    }

    [Fact]
    public void LocalMidnightUtc_OutsideRamadan_IsElevenPmTheDayBeforeInUtc() =>
        Assert.Equal(new DateTime(2026, 1, 15, 23, 0, 0, DateTimeKind.Utc), AuditService.LocalMidnightUtc(new DateOnly(2026, 1, 16)));

    [Fact]
    public void LocalMidnightUtc_DuringRamadan_IsUtcMidnight() =>
        Assert.Equal(new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc), AuditService.LocalMidnightUtc(new DateOnly(2026, 3, 1)));
}
