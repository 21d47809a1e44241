using Noress.App.Calls;
using Noress.App.Calls.Evaluation;
using ConflictDeclaration = Noress.App.Calls.Evaluation.ConflictDeclaration;

namespace Noress.Tests.Calls;

public sealed class JuryConflictsTests
{
    private static readonly Guid Applicant = Guid.Parse("10000000-0000-0000-0000-000000000001");
    private static readonly Guid Partner = Guid.Parse("10000000-0000-0000-0000-000000000002");
    private static readonly Guid Elsewhere = Guid.Parse("10000000-0000-0000-0000-000000000003");
    private static readonly Guid Entry = Guid.Parse("20000000-0000-0000-0000-000000000001");
    private static readonly Guid Outside = Guid.Parse("20000000-0000-0000-0000-000000000002");
    private static readonly Guid FromApplicant = Guid.Parse("30000000-0000-0000-0000-000000000001");
    private static readonly Guid FormerlyAtPartner = Guid.Parse("30000000-0000-0000-0000-000000000002");
    private static readonly Guid Independent = Guid.Parse("30000000-0000-0000-0000-000000000003");
    private static readonly Guid Author = Guid.Parse("30000000-0000-0000-0000-000000000004");

    private static JuryConflicts Compute(params ConflictDeclaration[] declarations) => JuryConflicts.Compute(
        [
            new ConflictEntry(Entry, Applicant, [Partner], [Author]),
            new ConflictEntry(Outside, null, [], []),
        ],
        [FromApplicant, FormerlyAtPartner, Independent, Author],
        [
            new JurorAffiliation(FromApplicant, Applicant),
            new JurorAffiliation(FormerlyAtPartner, Partner),
            new JurorAffiliation(FormerlyAtPartner, Elsewhere),
            new JurorAffiliation(Independent, Elsewhere),
        ],
        declarations);

    [Fact]
    public void Compute_AffiliationToApplicantOrPartner_IsAnAutomaticConflict()
    {
        var conflicts = Compute();

        Assert.Equal([ConflictReason.ApplicantInstitution], conflicts.Conflict(Entry, FromApplicant)!.Reasons);
        Assert.Equal([ConflictReason.PartnerInstitution], conflicts.Conflict(Entry, FormerlyAtPartner)!.Reasons);
        Assert.Equal([ConflictReason.NamedOnApplication], conflicts.Conflict(Entry, Author)!.Reasons);
        Assert.False(conflicts.IsConflicted(Entry, Independent));
        Assert.False(conflicts.IsConflicted(Outside, FromApplicant));
        Assert.All(conflicts.All, c => Assert.True(c.Automatic));
    }

    [Fact]
    public void Compute_DeclaredConflict_AddsToAutomaticOnes()
    {
        var conflicts = Compute(new ConflictDeclaration(Outside, Independent, true), new ConflictDeclaration(Entry, FromApplicant, true));

        var declared = conflicts.Conflict(Outside, Independent)!;
        Assert.Equal([ConflictReason.Declared], declared.Reasons);
        Assert.False(declared.Automatic);
        Assert.Equal([ConflictReason.ApplicantInstitution, ConflictReason.Declared], conflicts.Conflict(Entry, FromApplicant)!.Reasons);
        Assert.Contains((Outside, Independent), conflicts.Pairs);
    }

    [Fact]
    public void Compute_DeclaringNoConflict_NeverLiftsAnAutomaticOne()
    {
        var conflicts = Compute(new ConflictDeclaration(Entry, FromApplicant, false));
        Assert.True(conflicts.IsConflicted(Entry, FromApplicant));
        Assert.Equal(EntryAccess.Conflicted, conflicts.Access(Entry, FromApplicant, assigned: true));
    }

    [Fact]
    public void Compute_ALaterConflictDeclaration_Wins()
    {
        var conflicts = Compute(new ConflictDeclaration(Outside, Independent, false), new ConflictDeclaration(Outside, Independent, true));
        Assert.True(conflicts.IsConflicted(Outside, Independent));
    }

    [Fact]
    public void Access_AssignedNotConflictedAndDeclared_IsTheOnlyWayToSeeAnEntry()
    {
        var undeclared = Compute();
        Assert.Equal(EntryAccess.NotAssigned, undeclared.Access(Entry, Independent, assigned: false));
        Assert.Equal(EntryAccess.DeclarationPending, undeclared.Access(Entry, Independent, assigned: true));
        Assert.Equal(EntryAccess.Conflicted, undeclared.Access(Entry, FromApplicant, assigned: true));

        var declared = Compute(new ConflictDeclaration(Entry, Independent, false));
        Assert.Equal(EntryAccess.MaySee, declared.Access(Entry, Independent, assigned: true));
        Assert.Equal(EntryAccess.NotAssigned, declared.Access(Entry, Independent, assigned: false));
    }

    [Theory]
    [InlineData(EntryAccess.MaySee, null)]
    [InlineData(EntryAccess.NotAssigned, CallsEngineCodes.EntryNotAssigned)]
    [InlineData(EntryAccess.Conflicted, CallsEngineCodes.EntryConflicted)]
    [InlineData(EntryAccess.DeclarationPending, CallsEngineCodes.DeclarationPending)]
    public void AccessRefusal_NamesWhy(EntryAccess access, string? code) => Assert.Equal(code, JuryConflicts.AccessRefusal(access));

    [Fact]
    public void CheckDeclaration_ConflictAlwaysAllowed_NoConflictOnlyWhenNothingSaysOtherwise()
    {
        var conflicts = Compute(new ConflictDeclaration(Outside, Independent, true));

        Assert.Null(conflicts.CheckDeclaration(Entry, FromApplicant, conflicted: true));
        Assert.Equal(CallsEngineCodes.ConflictAutomatic, conflicts.CheckDeclaration(Entry, FromApplicant, conflicted: false));
        Assert.Equal(CallsEngineCodes.ConflictAlreadyDeclared, conflicts.CheckDeclaration(Outside, Independent, conflicted: false));
        Assert.Null(conflicts.CheckDeclaration(Entry, Independent, conflicted: false));
    }

    /// <summary>Property: on random registers, a juror is automatically conflicted exactly when they share an institution with the entry.</summary>
    [Fact]
    public void Compute_RandomRegisters_ConflictIffSharedInstitution()
    {
        var random = new Random(8);
        var institutions = Enumerable.Range(0, 8).Select(_ => Guid.NewGuid()).ToList();
        for (var round = 0; round < 100; round++)
        {
            var jurors = Enumerable.Range(0, 6).Select(_ => Guid.NewGuid()).ToList();
            var affiliations = jurors.SelectMany(j => institutions.Where(_ => random.Next(5) == 0).Select(i => new JurorAffiliation(j, i))).ToList();
            var entries = Enumerable.Range(0, 5)
                .Select(_ => new ConflictEntry(Guid.NewGuid(), institutions[random.Next(institutions.Count)], institutions.Where(_ => random.Next(6) == 0).ToList(), []))
                .ToList();
            var conflicts = JuryConflicts.Compute(entries, jurors, affiliations, []);
            foreach (var e in entries)
            {
                foreach (var j in jurors)
                {
                    var mine = affiliations.Where(a => a.JurorId == j).Select(a => a.InstitutionId).ToHashSet();
                    var shared = mine.Contains(e.ApplicantInstitutionId!.Value) || e.PartnerInstitutionIds.Any(mine.Contains);
                    Assert.Equal(shared, conflicts.IsConflicted(e.ApplicationId, j));
                }
            }
        }
    }

    /// <summary>The conflicts feed the assignment: a juror of the applicant institution is never given the entry.</summary>
    [Fact]
    public void Pairs_FeedTheAssignment()
    {
        var conflicts = Compute();
        var result = JuryAssignment.Assign(new AssignmentInput([Entry, Outside], [FromApplicant, FormerlyAtPartner, Independent, Author], conflicts.Pairs, [], 3, 1));

        Assert.Equal([Independent], result.Assignments.Where(a => a.ApplicationId == Entry).Select(a => a.JurorId));
        Assert.Equal(new AssignmentShortfall(Entry, 1, 2), result.Shortfalls.Single());
    }
}
