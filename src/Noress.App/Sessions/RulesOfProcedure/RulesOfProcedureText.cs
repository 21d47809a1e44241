namespace Noress.App.Sessions.RulesOfProcedure;

/// <summary>Marker for the internal rules' strings (RulesOfProcedureText.resx is French, the default).</summary>
public sealed class RulesOfProcedureText
{
}
