namespace Consultancy.Application.Common.Interfaces;

/// <summary>Absolute links to the app's own pages, for emails to staff (who sign in to follow them).</summary>
public interface IAppLinks
{
    /// <summary>The absolute address of a path in the app, e.g. https://crm.example.com/Calls/Details/5.</summary>
    string Absolute(string pathAndQuery);
}
