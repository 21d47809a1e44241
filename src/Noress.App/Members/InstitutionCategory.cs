namespace Noress.App.Members;

public enum InstitutionCategory
{
    PublicAgency,
    LocalAuthority,
    Chamber,
    University,
    Federation,
    SupportProgramme,
    Association,
    Cooperative,
    Other,
}
