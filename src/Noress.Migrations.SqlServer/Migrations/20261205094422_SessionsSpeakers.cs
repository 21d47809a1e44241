using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Noress.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SessionsSpeakers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FloorRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SessionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PersonId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Position = table.Column<int>(type: "int", nullable: false),
                    State = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    AllottedSeconds = table.Column<int>(type: "int", nullable: false),
                    RequestedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    RequestedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    EndedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    OpenInstitutionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    SpeakingSessionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FloorRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FloorRequests_AgendaItems_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "AgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FloorRequests_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FloorRequests_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FloorRequests_AgendaItemId_OpenInstitutionId",
                table: "FloorRequests",
                columns: new[] { "AgendaItemId", "OpenInstitutionId" },
                unique: true,
                filter: "[OpenInstitutionId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_FloorRequests_AgendaItemId_Position",
                table: "FloorRequests",
                columns: new[] { "AgendaItemId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FloorRequests_InstitutionId",
                table: "FloorRequests",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_FloorRequests_SessionId",
                table: "FloorRequests",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_FloorRequests_SpeakingSessionId",
                table: "FloorRequests",
                column: "SpeakingSessionId",
                unique: true,
                filter: "[SpeakingSessionId] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FloorRequests");
        }
    }
}
