"""rasa-sdk custom actions: thin adapters from the conversation to catalogue/ and funding/."""
