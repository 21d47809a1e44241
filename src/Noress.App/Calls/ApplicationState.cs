namespace Noress.App.Calls;

/// <summary>
/// Where an application stands. Which transitions are allowed, for which kind of call and by whom, is data
/// (the calls workflow table), not scattered checks.
/// </summary>
public enum ApplicationState
{
    Draft = 0,
    Submitted = 1,
    Withdrawn = 2,
    Screening = 3,
    InformationRequested = 4,
    Ineligible = 5,
    UnderEvaluation = 6,
    Deliberation = 7,

    // AMI outcomes and the co-financed project's follow-up.
    Selected = 10,
    Reserve = 11,
    Rejected = 12,
    AgreementSigned = 13,
    InstalmentsPaid = 14,
    Reporting = 15,
    Closed = 16,

    // Competition outcomes (the prize's rank is held beside the state).
    Awarded = 20,
    HonourableMention = 21,
    NotAwarded = 22,
}
