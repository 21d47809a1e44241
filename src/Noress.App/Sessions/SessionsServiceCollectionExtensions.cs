using Microsoft.Extensions.DependencyInjection;
using Noress.App.Calendar;
using Noress.App.Committees;
using Noress.App.Committees.Workspace;
using Noress.App.Sessions.Attendance;
using Noress.App.Sessions.Elections;
using Noress.App.Sessions.Minutes;
using Noress.App.Sessions.Rules;
using Noress.App.Sessions.RulesOfProcedure;
using Noress.App.Sessions.Speakers;
using Noress.App.Sessions.Votes;

namespace Noress.App.Sessions;

public static class SessionsServiceCollectionExtensions
{
    public static IServiceCollection AddNoressSessions(this IServiceCollection services)
    {
        services.AddScoped<SessionsAccess>();
        services.AddScoped<CommitteeService>();
        services.AddScoped<RuleParameterService>();
        services.AddScoped<SessionService>();
        services.AddScoped<AttendanceService>();
        services.AddScoped<ProxyMandateService>();
        services.AddScoped<VoteService>();
        services.AddSingleton<BallotWriter>();
        services.AddSingleton<ClosedVoteNames>();
        services.AddSingleton<VotingSnapshots>();
        services.AddScoped<SpeakerService>();
        services.AddScoped<RulesService>();
        services.AddScoped<IVerdictListener, RulesAmendmentAdoption>();
        services.AddScoped<ElectionService>();
        services.AddSingleton<Minutes.IMinutesSection, ElectionsMinutesSection>();
        services.AddSingleton<SessionLive>();
        services.AddSingleton<SessionMails>();
        services.AddCalendarSource<SessionCalendarSource>();
        services.AddCommitteeActivitySource<CommitteeMeetingsActivitySource>();
        services.AddSessionRecords();
        return services;
    }
}
