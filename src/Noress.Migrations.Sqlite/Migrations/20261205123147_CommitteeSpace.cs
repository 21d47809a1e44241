using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Noress.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CommitteeSpace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CommitteeRecommendations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ForwardedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    ForwardedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AgendaItemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ScheduledById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ScheduledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitteeRecommendations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommitteeRecommendations_AspNetUsers_ForwardedById",
                        column: x => x.ForwardedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CommitteeRecommendations_Committees_CommitteeId",
                        column: x => x.CommitteeId,
                        principalTable: "Committees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeRecommendations_CommitteeId_ForwardedAt",
                table: "CommitteeRecommendations",
                columns: new[] { "CommitteeId", "ForwardedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeRecommendations_ForwardedById",
                table: "CommitteeRecommendations",
                column: "ForwardedById");

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeRecommendations_State",
                table: "CommitteeRecommendations",
                column: "State");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommitteeRecommendations");
        }
    }
}
